package io.inviteflow.streaming.records;

import io.inviteflow.streaming.spikes.CountedOpen;
import io.inviteflow.streaming.spikes.OpensSpikeAlert;
import io.inviteflow.streaming.spikes.SpikeBaseline;
import io.inviteflow.streaming.totals.CampaignFacts;
import io.inviteflow.streaming.totals.CounterChanges;
import io.inviteflow.streaming.totals.CounterRow;
import io.inviteflow.streaming.totals.CounterTotal;
import io.inviteflow.streaming.totals.InvitationFacts;
import io.inviteflow.streaming.totals.OrderFacts;
import io.inviteflow.streaming.totals.TicketFacts;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type that crosses an operator or lives in state is a Flink POJO: no Kryo, state stays evolvable. (The invitation
 * state is written by {@link io.inviteflow.streaming.totals.InvitationFactsSerializer}, with a layout version; a POJO
 * still, as checkpoints of earlier versions hold it.)
 */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {ActivityEvent.class, ActivityDetails.class, ActivityLogRow.class, InvitationFacts.class,
            OrderFacts.class, TicketFacts.class, CampaignFacts.class, CounterChanges.class, CounterTotal.class,
            CounterRow.class, SpikeBaseline.class, OpensSpikeAlert.class, CountedOpen.class})
    void isAPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getTypeAt(i)).as(type.getSimpleName() + " field " + pojo.getPojoFieldAt(i))
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }
}
