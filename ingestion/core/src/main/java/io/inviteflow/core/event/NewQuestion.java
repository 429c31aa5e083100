package io.inviteflow.core.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A question as the organizer writes it. {@code id} keeps an existing question (and its answers) when the list is
 * replaced; without it the question is new.
 */
record NewQuestion(UUID id,
                   @NotNull Question.Kind kind,
                   @NotBlank @Size(max = 300) String label,
                   @Size(max = 50) List<@NotBlank @Size(max = 200) String> options,
                   boolean required,
                   boolean perGuest,
                   Integer min,
                   Integer max) {
}
