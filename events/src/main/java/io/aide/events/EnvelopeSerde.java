package io.aide.events;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer and deserializer for {@link Envelope}, for clients that do not go through SmallRye. */
public final class EnvelopeSerde {
    public static final class EnvelopeSerializer implements Serializer<Envelope> {
        @Override
        public byte[] serialize(String topic, Envelope data) {
            return data == null ? null : EventJson.toBytes(data);
        }
    }

    public static final class EnvelopeDeserializer implements Deserializer<Envelope> {
        @Override
        public Envelope deserialize(String topic, byte[] data) {
            return data == null ? null : EventJson.envelope(data);
        }
    }

    private EnvelopeSerde() {
    }
}
