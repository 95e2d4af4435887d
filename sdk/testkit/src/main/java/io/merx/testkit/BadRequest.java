package io.merx.testkit;

import io.merx.api.ScoreRequest;

/**
 * A request a scorer must refuse, and the field its error message must name.
 *
 * @param request the invalid request
 * @param field the input field the {@link IllegalArgumentException} message must mention
 */
public record BadRequest(ScoreRequest request, String field) {
}
