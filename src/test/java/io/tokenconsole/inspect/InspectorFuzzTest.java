package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated inputs through the inspector: no exception may escape, and each input
 * is either a decoded token or a classified error. The count comes from {@code fuzz.iterations}
 * (100,000 in verify; the fuzz-long profile sets 1,000,000). The seed is printed on failure.
 */
@Tag("fuzz")
class InspectorFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\t\"'{}[]:,\\%é山\u0000\uFFFD";

    @Test
    void randomAndMutatedInputsAlwaysEndInATokenOrAClassifiedError() {
        int iterations = Integer.getInteger("fuzz.iterations", 100_000);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        TokenInspector inspector = new TokenInspector();
        InspectionContext context = InspectionContext.at(NOW).onEnvironment(TokenEnvironment.SANDBOX)
                .expectingClientId("c");
        List<String> seeds = List.of(
                TestTokens.argyleToken(NOW, "argyle-core-auth-dev"),
                TestTokens.argyleToken(NOW.minusSeconds(86_400), "argyle-core-auth-prod"),
                TestTokens.RFC7519_EXAMPLE,
                "Bearer " + TestTokens.argyleToken(NOW, TokenEnvironment.LOCAL_ISSUER),
                "{\"id\":\"x\",\"user_token\":\"" + TestTokens.argyleToken(NOW, "argyle-core-auth-dev") + "\"}",
                "Argyle.create({ userToken: '" + TestTokens.argyleToken(NOW, "argyle-core-auth-dev") + "', sandbox: true })",
                TestTokens.token("{\"alg\":\"none\"}", "{\"exp\":\"soon\",\"iat\":1.5e300,\"nbf\":[1]}"));

        Map<ErrorCode, Integer> errors = new EnumMap<>(ErrorCode.class);
        int decoded = 0;
        for (int i = 0; i < iterations; i++) {
            String input = switch (random.nextInt(4)) {
                case 0 -> randomText(random);
                case 1 -> mutate(seeds.get(random.nextInt(seeds.size())), random);
                case 2 -> randomJwtShape(random);
                default -> mutate(mutate(seeds.get(random.nextInt(seeds.size())), random), random);
            };
            Inspection inspection;
            try {
                inspection = inspector.inspect(input, context);
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + ", iteration " + i + ": " + e, e);
                return;
            }
            assertNotNull(inspection);
            if (inspection instanceof Inspection.Decoded d) {
                assertNotNull(d.report().status());
                decoded++;
            } else {
                InspectionError error = ((Inspection.Failed) inspection).error();
                assertNotNull(error.code());
                assertTrue(!error.message().isBlank());
                errors.merge(error.code(), 1, Integer::sum);
            }
        }
        int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(iterations, decoded + failed);
        // The generator must reach both sides and most error kinds, or it is testing too little.
        assertTrue(decoded > iterations / 50, "decoded only " + decoded + " (seed " + seed + ")");
        assertTrue(errors.keySet().containsAll(List.of(ErrorCode.NOT_A_JWT, ErrorCode.BAD_BASE64, ErrorCode.BAD_JSON,
                ErrorCode.EMPTY)), "error kinds reached: " + errors + " (seed " + seed + ")");
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(200);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String randomJwtShape(SplittableRandom random) {
        String header = random.nextBoolean() ? "{\"alg\":\"HS256\"}" : randomJson(random);
        String payload = randomJson(random);
        return TestTokens.b64(header) + "." + TestTokens.b64(payload) + "." + TestTokens.b64(randomText(random));
    }

    private static String randomJson(SplittableRandom random) {
        String[] values = {"1", "-1", "1e400", "\"1700000000\"", "1700000000000", "null", "true", "[]", "{}",
            "\"x\"", "1.5", "\"2026-11-25T10:00:00Z\"", "99999999999999999999999", "\"é\""};
        String[] names = {"exp", "iat", "nbf", "sub", "user_id", "iss", "jti", "client_id", "alg", "kid", "fid"};
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(names[random.nextInt(names.length)]).append("\":")
                    .append(values[random.nextInt(values.length)]);
        }
        json.append(random.nextInt(10) == 0 ? "" : "}");
        return json.toString();
    }

    private static String mutate(String input, SplittableRandom random) {
        StringBuilder text = new StringBuilder(input);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, '.');
                default -> {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    text = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return text.toString();
    }
}
