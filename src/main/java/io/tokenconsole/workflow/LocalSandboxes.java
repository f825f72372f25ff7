package io.tokenconsole.workflow;

import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts the local sandbox the one way both front ends do: with the data folder's API key and
 * signing key (so its tokens verify across restarts) and its users kept beside them in
 * {@value #USERS_FILE} — so what was created stays, whether the window's sandbox made it or one
 * that a command started for itself.
 */
public final class LocalSandboxes {

    public static final String USERS_FILE = "local-sandbox-users.json";

    private LocalSandboxes() {
    }

    /**
     * Starts a sandbox on a free port of 127.0.0.1. {@code key} replaces the folder's API key (a
     * command given {@code --api-key-id}/{@code --api-key-secret}); the users are the folder's either way.
     */
    public static LocalSandbox start(DataFolder folder, LocalSandboxMaterial material, Clock clock,
            Optional<ApiKey> key) throws IOException {
        return LocalSandbox.start(EmulatorConfig.defaults()
                .withApiKey(key.orElse(new ApiKey(material.apiKeyId(), material.apiSecret())))
                .withSigningKey(SigningKey.of(material.signingKeys()))
                .withClock(clock)
                .withUsersFile(usersFile(folder)));
    }

    public static Path usersFile(DataFolder folder) {
        return folder.path().resolve(USERS_FILE);
    }
}
