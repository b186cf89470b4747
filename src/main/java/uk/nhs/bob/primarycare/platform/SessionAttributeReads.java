package uk.nhs.bob.primarycare.platform;

import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How Spring Session JDBC turns a session's stored attributes (Java serialization, as before) back into objects,
 * without deserializing the same bytes again on every request: the security context and the CSRF token, read from
 * PostgreSQL on every request by every instance, were deserialized each time (about 3% of a page's processor time
 * in JFR). An object is reused only for bytes exactly equal to the ones it was made from, so what a request sees is
 * always what the database holds at that moment: an attribute written through any instance has new bytes and is
 * read afresh. Reusing one object for the requests of one session is what a servlet container's own sessions do;
 * the stored bytes hold values of their own session (its CSRF token, the sign-in's details), so two sessions never
 * share one. The objects kept are bounded in number (Caffeine drops the least used past the bound).
 */
final class SessionAttributeReads extends GenericConversionService {

	/**
	 * Several times the attributes of the sessions signed in at once on one instance; at a few kilobytes each (the
	 * bytes and the object), a few megabytes at most.
	 */
	static final int MAX_KEPT = 2_000;

	private final Cache<StoredBytes, Object> read = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

	SessionAttributeReads(ClassLoader classLoader) {
		DeserializingConverter deserializer = new DeserializingConverter(classLoader);
		addConverter(Object.class, byte[].class, new SerializingConverter());
		addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> deserialize(bytes, deserializer));
	}

	private Object deserialize(byte[] bytes, DeserializingConverter deserializer) {
		return read.get(new StoredBytes(bytes), key -> deserializer.convert(bytes));
	}

	long kept() {
		read.cleanUp();
		return read.estimatedSize();
	}

	/** Bytes compared by content; the array is never changed once read from the database. */
	private static final class StoredBytes {

		private final byte[] bytes;

		private final int hash;

		StoredBytes(byte[] bytes) {
			this.bytes = bytes;
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StoredBytes stored && stored.hash == hash && Arrays.equals(stored.bytes, bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

}
