package io.tokenconsole.cli;

import io.tokenconsole.workflow.LinkPageFile;
import io.tokenconsole.workflow.RecordedTokenIssuer;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.link.LinkAudit;
import io.tokenconsole.link.LinkEvent;
import io.tokenconsole.link.LinkHost;
import io.tokenconsole.link.LinkOptions;
import io.tokenconsole.link.LinkSession;
import io.tokenconsole.link.SandboxKeyTokenCheck;
import io.tokenconsole.link.StandInTokenCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code token-console link --user ID}: a fresh token, a Link page on this computer for it, and every
 * callback Link fires printed as it arrives — until Link is closed or Ctrl+C. {@code --save FILE}
 * writes a standalone page instead.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Open Link for a user with a fresh token and print every callback as it happens.",
            "Prints the page's address first (open it in a browser, or pass --open), then one line per callback,",
            "until Link is closed (onClose) or Ctrl+C. With --save FILE it writes a page to hand on and exits.",
            "The local sandbox has no real Link: its page shows Token Console's stand-in (sign in with test_1 /",
            "passgood, code 8081). It needs a sandbox that knows the user: run 'token-console emulator' and pass",
            "its --base-url and key."})
final class LinkCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--user", paramLabel = "ID", required = true, description = "The user's id.")
    String userId;

    @Option(names = "--flow-id", paramLabel = "F", description = "A Flow saved in Argyle's Console.")
    String flowId;

    @Option(names = "--items", paramLabel = "A,B", description = "The items to offer; one item skips the search.")
    String items;

    @Option(names = "--link-key", paramLabel = "KEY",
            description = "The legacy link key: Link 5 does not need it; give it only if your setup still does.")
    String linkKey;

    @Option(names = "--open", description = "Open the page in the system's browser.")
    boolean open;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write a standalone page with the token in it (sandbox and production only) and exit."
                    + " The token expires one hour after issue.")
    Path saveTo;

    @Option(names = ProductionGuard.FLAG, description = "Needed to issue a token in production.")
    boolean confirmProduction;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    LinkCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (saveTo != null && api.environment == Environment.LOCAL) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--save works for --env sandbox or production:"
                    + " the local sandbox's Link stand-in runs only while the console serves it. Leave out --save.");
        }
        if (saveTo != null && open) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--save and --open do not go together:"
                    + " open the saved file yourself.");
        }
        String user = userId.strip();
        LinkOptions options = LinkOptions.of(flowId, LinkOptions.parseItems(items), linkKey);
        if (saveTo != null) {
            try {
                // Before anything is issued: a page that could not be written would waste a token.
                LinkPageFile.checkCanWrite(api.environment, saveTo);
            } catch (IOException exists) {
                throw new CommandFailure(exists.getMessage() + ".");
            }
        }
        try (CommandWorkspace recorder = CommandWorkspace.open(workspace, context);
                ApiSession session = ApiSession.open(api, context, recorder)) {
            ProductionGuard.check(session.client().target(), confirmProduction, "issue a token for Link");
            recorder.recorder().checkCanRecord();
            RecordedTokenIssuer issuer = new RecordedTokenIssuer(session.client(), recorder.recorder());
            IssuedToken first = issuer.issue(session.environment(), user);
            if (saveTo != null) {
                return save(session.environment(), user, first, options);
            }
            return serve(session, recorder, issuer, user, first, options);
        }
    }

    private int save(Environment environment, String user, IssuedToken token, LinkOptions options) throws IOException {
        Instant issuedAt = context.clock().instant();
        Path file = saveTo.toAbsolutePath();
        try {
            LinkPageFile.write(file, environment, user, token.userToken(), options, issuedAt);
        } catch (IOException cannotCreate) {
            throw new CommandFailure("Cannot write " + file + ": " + cannotCreate.getMessage());
        }
        context.out().println("Saved the Link page for user " + user + " (" + environment.displayName() + ") to " + file + ".");
        context.err().println("The file holds a user token: it expires one hour after issue, at "
                + LinkPageFile.expiresAt(issuedAt)
                + ". Hand it only to whoever reproduces the problem, and delete it after.");
        return 0;
    }

    private int serve(ApiSession apiSession, CommandWorkspace recorder, RecordedTokenIssuer issuer, String user, IssuedToken first,
                      LinkOptions options) throws IOException {
        StandInTokenCheck check = apiSession.environment() == Environment.LOCAL
                ? localCheck(apiSession.client().target().baseUrl()) : null;
        CountDownLatch done = new CountDownLatch(1);
        PrintWriter out = context.out();
        try (LinkHost host = LinkHost.start(LinkHost.Settings.DEFAULT.withClock(context.clock()), issuer, check)) {
            LinkSession session = host.open(apiSession.environment(), user, first.userToken(), options);
            Thread onCtrlC = new Thread(host::close, "link-host-shutdown");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            out.println(session.pageAddress());
            out.flush();
            session.subscribe(new LinkAudit(recorder.recorder()::record));
            session.subscribe((ignored, event) -> {
                synchronized (out) {
                    out.println(api.json ? event.toJson().toString() : event.toLine());
                    out.flush();
                }
                if ("onClose".equals(event.name()) || LinkEvent.SESSION_ENDED.equals(event.name())) {
                    done.countDown();
                }
            });
            if (open) {
                Browser.open(session.pageAddress(), context.err());
            }
            try {
                done.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // Ctrl+C: the hook closes the host anyway
                }
            }
        }
        return 0;
    }

    /** The stand-in checks tokens with the sandbox's published key, fetched once from this machine. */
    private StandInTokenCheck localCheck(URI baseUrl) {
        URI jwks = baseUrl.resolve("/.well-known/jwks.json");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new CommandFailure("The local sandbox at " + baseUrl + " publishes no signing key at " + jwks
                        + " (HTTP " + answer.statusCode() + "): is it a 'token-console emulator'?");
            }
            return SandboxKeyTokenCheck.fromJwks(answer.body(), context.clock());
        } catch (IOException unreachable) {
            throw new CommandFailure("Cannot read the local sandbox's signing key at " + jwks + ": " + unreachable.getMessage());
        } catch (IllegalArgumentException unreadable) {
            throw new CommandFailure("The local sandbox's key at " + jwks + " is unreadable: " + unreadable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("Interrupted while reading the local sandbox's key");
        }
    }
}
