package io.inviteflow.contract.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerModelFileTest {

    @Test
    void aPendingInvitationIsScoredAsOfTheLatestSnapshotItHasPassed() {
        assertThat(AnswerModelFile.ageOf(0)).isEqualTo("0d");
        assertThat(AnswerModelFile.ageOf(86_399)).isEqualTo("0d");
        assertThat(AnswerModelFile.ageOf(86_400)).isEqualTo("1d");
        assertThat(AnswerModelFile.ageOf(3 * 86_400 - 1)).isEqualTo("1d");
        assertThat(AnswerModelFile.ageOf(3 * 86_400)).isEqualTo("3d");
        assertThat(AnswerModelFile.ageOf(7 * 86_400)).isEqualTo("7d");
        assertThat(AnswerModelFile.ageOf(90 * 86_400)).isEqualTo("7d");
        assertThat(AnswerModelFile.ageOf(-5)).as("a clock a little behind").isEqualTo("0d");
    }
}
