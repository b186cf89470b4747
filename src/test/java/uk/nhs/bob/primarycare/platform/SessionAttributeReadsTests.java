package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored attribute's bytes are deserialized once: the same bytes give the same object, and other bytes (the
 * attribute written again, through this instance or another) give a new one with the new value.
 */
class SessionAttributeReadsTests {

	private final SessionAttributeReads reads = new SessionAttributeReads(getClass().getClassLoader());

	@Test
	void theSameStoredBytesAreDeserializedOnce() {
		byte[] stored = serialize(new ArrayList<>(List.of("token-1")));
		Object first = deserialize(stored);
		// a fresh array with the same content, as the next request reads it from the database
		Object second = deserialize(stored.clone());
		assertThat(first).isEqualTo(List.of("token-1"));
		assertThat(second).isSameAs(first);
	}

	@Test
	void changedBytesAreReadAfresh() {
		Object before = deserialize(serialize(new ArrayList<>(List.of("token-1"))));
		Object after = deserialize(serialize(new ArrayList<>(List.of("token-2"))));
		assertThat(after).isNotSameAs(before).isEqualTo(List.of("token-2"));
		assertThat(before).isEqualTo(List.of("token-1"));
	}

	@Test
	void theObjectsKeptAreBounded() {
		for (int i = 0; i <= SessionAttributeReads.MAX_KEPT + 10; i++) {
			deserialize(serialize("value-" + i));
		}
		assertThat(reads.kept()).isLessThanOrEqualTo(SessionAttributeReads.MAX_KEPT);
		assertThat(deserialize(serialize("value-3"))).isEqualTo("value-3");
	}

	private byte[] serialize(Object value) {
		return (byte[]) reads.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
	}

	private Object deserialize(byte[] bytes) {
		return reads.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
	}

}
