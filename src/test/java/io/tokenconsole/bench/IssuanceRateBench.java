package io.tokenconsole.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import io.tokenconsole.emulator.TokenMint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How close the local sandbox's token issuance comes to the cost of the signature itself: tokens
 * per second over HTTP from the emulator, from its {@link TokenMint} in-process, and from a bare
 * java-jwt RS256 signing of the same claims with the same 2048-bit key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceRateBench {

    private LocalSandbox sandbox;
    private HttpClient http;
    private HttpRequest issue;
    private TokenMint mint;
    private Algorithm rs256;
    private SigningKey key;
    private String userId;

    @Setup(Level.Trial)
    public void start() throws Exception {
        key = SigningKey.generate();
        sandbox = LocalSandbox.start(EmulatorConfig.defaults().withSigningKey(key));
        http = ArgyleClient.newHttpClient(Duration.ofSeconds(5));
        Credentials credentials = new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret());
        userId = new ArgyleClient(http, new ApiTarget(Environment.LOCAL, sandbox.baseUrl()), credentials, ClientSettings.DEFAULT)
                .createUser(NewUser.blank()).id();
        String basic = Base64.getEncoder().encodeToString(
                (credentials.keyId() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
        issue = HttpRequest.newBuilder(sandbox.baseUrl().resolve(sandbox.baseUrl().getPath() + "/user-tokens"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + userId + "\"}"))
                .build();
        mint = new TokenMint(key, credentials.keyId(), Clock.systemUTC());
        rs256 = Algorithm.RSA256(key.publicKey(), key.privateKey());
    }

    @TearDown(Level.Trial)
    public void stop() {
        sandbox.close();
    }

    @Benchmark
    public String emulatorOverHttp() throws Exception {
        HttpResponse<String> answer = http.send(issue, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
        return answer.body();
    }

    @Benchmark
    public String tokenMintInProcess() {
        return mint.issueFor(userId);
    }

    @Benchmark
    public String bareJavaJwtSigning() {
        long now = System.currentTimeMillis() / 1000;
        return JWT.create()
                .withKeyId(key.keyId())
                .withClaim("client_id", "bench")
                .withClaim("exp", now + 3600)
                .withClaim("iat", now)
                .withIssuer("bench")
                .withJWTId("5d7c3f0e-2b1a-4c9d-8e7f-6a5b4c3d2e1f")
                .withSubject(userId)
                .withClaim("user_id", userId)
                .sign(rs256);
    }
}
