package io.inviteflow.streaming.records;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka value bytes to {@link ActivityEvent}. Malformed messages and unknown activity types are skipped (nothing is
 * collected) and counted in the metrics {@value #MALFORMED_METRIC} and {@value #UNKNOWN_TYPE_METRIC} of the source:
 * one poison message must never stop the job. Decoding happens here, in the source, so that watermarks are generated
 * per Kafka partition from {@code occurredAt}.
 */
public final class ActivityDeserializer implements KafkaRecordDeserializationSchema<ActivityEvent> {

    public static final String MALFORMED_METRIC = "activitiesMalformed";
    public static final String UNKNOWN_TYPE_METRIC = "activitiesUnknownType";
    private static final Logger LOG = LoggerFactory.getLogger(ActivityDeserializer.class);
    private static final long serialVersionUID = 1L;

    private transient ActivityDecoder decoder;
    private transient Counter malformed;
    private transient Counter unknownType;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = new ActivityDecoder();
        malformed = context.getMetricGroup().counter(MALFORMED_METRIC);
        unknownType = context.getMetricGroup().counter(UNKNOWN_TYPE_METRIC);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ActivityEvent> out) {
        if (record.value() == null) { // a tombstone carries no activity
            malformed.inc();
            return;
        }
        try {
            out.collect(decoder.decode(record.value()));
        } catch (UndecodableActivityException e) {
            Counter counter = e.reason() == UndecodableActivityException.Reason.UNKNOWN_TYPE ? unknownType : malformed;
            counter.inc();
            // debug only: a flood of bad messages must not flood the log; the counters show them
            LOG.debug("skipping {} message at {}-{}@{}: {}", e.reason(), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<ActivityEvent> getProducedType() {
        return TypeInformation.of(ActivityEvent.class);
    }
}
