package io.tokenconsole.ui.tokens;

/**
 * A token issued earlier in this session, as the short list shows it: what identifies it and when
 * it was issued and expires — never the token itself, which is dropped when its card goes.
 */
public record EarlierToken(String environment, String userId, String jti, String issued, String expires) {
}
