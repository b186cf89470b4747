package uk.nhs.bob.primarycare.cvd;

import org.jspecify.annotations.Nullable;

/** A worklist's filters as typed in the address (each checked against the user's scope before use). */
record WorklistQuery(@Nullable String rule, @Nullable String practice, @Nullable String pcn,
		@Nullable String quintile, @Nullable String status, @Nullable String days, @Nullable String owner,
		@Nullable String page) {

	static WorklistQuery none() {
		return new WorklistQuery(null, null, null, null, null, null, null, null);
	}

}
