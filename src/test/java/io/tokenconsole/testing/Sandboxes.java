package io.tokenconsole.testing;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** Starting local sandboxes and clients for tests: real servers on 127.0.0.1, real HTTP. */
public final class Sandboxes {

    /** Making an RSA key takes a noticeable moment; tests share one. */
    private static final SigningKey KEY = SigningKey.generate();
    private static final HttpClient HTTP = ArgyleClient.newHttpClient(Duration.ofSeconds(2));

    private Sandboxes() {
    }

    public static SigningKey signingKey() {
        return KEY;
    }

    public static HttpClient http() {
        return HTTP;
    }

    public static LocalSandbox start() {
        return start(EmulatorConfig.defaults());
    }

    public static LocalSandbox start(EmulatorConfig config) {
        try {
            return LocalSandbox.start(config.signingKey() == null ? config.withSigningKey(KEY) : config);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    public static Credentials credentialsOf(LocalSandbox sandbox) {
        return new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret());
    }

    public static ArgyleClient clientFor(LocalSandbox sandbox) {
        return clientFor(sandbox, ClientSettings.DEFAULT.withRequestTimeout(Duration.ofSeconds(5)));
    }

    public static ArgyleClient clientFor(LocalSandbox sandbox, ClientSettings settings) {
        return new ArgyleClient(HTTP, new ApiTarget(Environment.LOCAL, sandbox.baseUrl()), credentialsOf(sandbox), settings);
    }
}
