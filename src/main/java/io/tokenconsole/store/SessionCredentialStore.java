package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets held in memory only: gone when the console exits, never written anywhere. */
public final class SessionCredentialStore implements CredentialStore {

    private final Map<Environment, Secret> secrets = new ConcurrentHashMap<>();
    private final Map<String, Secret> workspacePasswords = new ConcurrentHashMap<>();
    private final String description;

    public SessionCredentialStore(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public Optional<Secret> secret(Environment environment) {
        return Optional.ofNullable(secrets.get(environment));
    }

    @Override
    public void storeSecret(Environment environment, String keyId, Secret secret) {
        LocalSandboxMaterial.refuseLocal(environment);
        secrets.put(environment, Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public boolean forgetSecret(Environment environment) {
        return secrets.remove(environment) != null;
    }

    @Override
    public Optional<Secret> workspacePassword(String address) {
        return Optional.ofNullable(workspacePasswords.get(Objects.requireNonNull(address, "address")));
    }

    @Override
    public void storeWorkspacePassword(String address, Secret password) {
        workspacePasswords.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(password, "password"));
    }

    @Override
    public boolean forgetWorkspacePassword(String address) {
        return workspacePasswords.remove(Objects.requireNonNull(address, "address")) != null;
    }

    @Override
    public boolean isPersistent() {
        return false;
    }

    @Override
    public String name() {
        return "this session's memory";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "SessionCredentialStore[" + secrets.keySet() + "]";
    }
}
