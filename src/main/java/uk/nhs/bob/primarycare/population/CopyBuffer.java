package uk.nhs.bob.primarycare.population;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL COPY text format (tab-separated, {@code \N} for null), written straight into bytes so a bulk
 * load makes no per-row strings beyond the values themselves.
 */
final class CopyBuffer {

	private byte[] bytes;

	private int length;

	private long rows;

	CopyBuffer(int initialCapacity) {
		this.bytes = new byte[initialCapacity];
	}

	CopyBuffer text(@Nullable String value) {
		if (value == null) {
			return raw("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> raw("\\\\");
				case '\t' -> raw("\\t");
				case '\n' -> raw("\\n");
				case '\r' -> raw("\\r");
				default -> {
					if (c < 0x80) {
						ensure(1);
						bytes[length++] = (byte) c;
					}
					else {
						utf8(value.substring(i, i + (Character.isHighSurrogate(c) ? 2 : 1)));
						if (Character.isHighSurrogate(c)) {
							i++;
						}
					}
				}
			}
		}
		return this;
	}

	CopyBuffer number(long value) {
		return raw(Long.toString(value));
	}

	CopyBuffer date(@Nullable LocalDate value) {
		return value == null ? raw("\\N") : raw(value.toString());
	}

	/** Separates values. */
	CopyBuffer tab() {
		ensure(1);
		bytes[length++] = '\t';
		return this;
	}

	/** Ends a row. */
	void end() {
		ensure(1);
		bytes[length++] = '\n';
		rows++;
	}

	CopyBuffer raw(String ascii) {
		ensure(ascii.length());
		for (int i = 0; i < ascii.length(); i++) {
			bytes[length++] = (byte) ascii.charAt(i);
		}
		return this;
	}

	private void utf8(String text) {
		byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
		ensure(encoded.length);
		System.arraycopy(encoded, 0, bytes, length, encoded.length);
		length += encoded.length;
	}

	private void ensure(int extra) {
		if (length + extra > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
		}
	}

	long rows() {
		return rows;
	}

	boolean isEmpty() {
		return length == 0;
	}

	InputStream stream() {
		return new ByteArrayInputStream(bytes, 0, length);
	}

}
