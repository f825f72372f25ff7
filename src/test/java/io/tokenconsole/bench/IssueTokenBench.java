package io.tokenconsole.bench;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * What the client costs on top of HTTP: issuing a token through {@link ArgyleClient} (request
 * building, future plumbing, JSON reading, error mapping) against a bare {@link HttpClient} POST of
 * the same request to the same local sandbox, in the same run and over the same connection pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IssueTokenBench {

    private LocalSandbox sandbox;
    private ArgyleClient client;
    private HttpClient http;
    private HttpRequest bareRequest;
    private String userId;

    @Setup(Level.Trial)
    public void start() throws Exception {
        sandbox = LocalSandbox.start(EmulatorConfig.defaults());
        http = ArgyleClient.newHttpClient(Duration.ofSeconds(5));
        Credentials key = new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret());
        client = new ArgyleClient(http, new ApiTarget(Environment.LOCAL, sandbox.baseUrl()), key, ClientSettings.DEFAULT);
        userId = client.createUser(NewUser.blank()).id();
        String basic = Base64.getEncoder().encodeToString((key.keyId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8));
        bareRequest = HttpRequest.newBuilder(sandbox.baseUrl().resolve(sandbox.baseUrl().getPath() + "/user-tokens"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + userId + "\"}"))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        sandbox.close();
    }

    @Benchmark
    public String throughTheClient() {
        return client.issueToken(userId).userToken();
    }

    @Benchmark
    public String bareHttpClientPost() throws Exception {
        HttpResponse<String> answer = http.send(bareRequest, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
        return answer.body();
    }
}
