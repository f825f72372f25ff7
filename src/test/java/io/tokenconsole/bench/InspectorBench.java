package io.tokenconsole.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.inspect.TokenInspector;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The inspector's time per token against the baseline of java-jwt's bare {@code JWT.decode} of the
 * same token, in the same run. The inspector does more (clean-up, lenient UTF-8, claim facts,
 * findings), so the ratio says what that costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InspectorBench {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private String token;
    private String pastedHeader;
    private TokenInspector inspector;
    private InspectionContext context;

    @Setup
    public void setUp() {
        token = TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev");
        pastedHeader = "Authorization: Bearer " + token;
        inspector = new TokenInspector();
        context = InspectionContext.at(NOW).onEnvironment(TokenEnvironment.SANDBOX);
    }

    @Benchmark
    public DecodedJWT baselineJavaJwtDecode() {
        return JWT.decode(token);
    }

    @Benchmark
    public Inspection inspectRawToken() {
        return inspector.inspect(token, context);
    }

    @Benchmark
    public Inspection inspectPastedAuthorizationHeader() {
        return inspector.inspect(pastedHeader, context);
    }
}
