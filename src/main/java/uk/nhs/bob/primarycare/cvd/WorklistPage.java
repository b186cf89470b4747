package uk.nhs.bob.primarycare.cvd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.Pagination;

/** One page of a CVD worklist as the {@code cvd/worklist} view shows it. */
record WorklistPage(StaffUser user, List<Worklists.Row> rows, Pagination pagination, long total,
		Worklists.Filter filter, List<String> filterMessages, WorklistActionForm actionForm,
		Map<String, String> practiceOptions, Map<String, String> pcnOptions, String csvUrl) {

	/** The view's model attributes. */
	Map<String, Object> model() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("rows", rows);
		model.put("pagination", pagination);
		model.put("total", total);
		model.put("filter", filter);
		model.put("filterMessages", filterMessages);
		model.put("user", user);
		model.put("actionForm", actionForm);
		model.put("ruleOptions", WorklistPages.ruleOptions());
		model.put("practiceOptions", practiceOptions);
		model.put("pcnOptions", pcnOptions);
		model.put("quintileOptions", WorklistFilters.quintileOptions());
		model.put("statusOptions", WorklistFilters.statusOptions());
		model.put("ownerOptions", WorklistFilters.ownerOptions());
		model.put("invitationOptions", WorklistPages.INVITATIONS.stream()
			.collect(Collectors.toMap(Enum::name, OutreachType::label, (a, b) -> a, LinkedHashMap::new)));
		model.put("selectedRule", filter.rule() == null ? "" : filter.rule().code());
		model.put("selectedPractice", filter.practice() == null ? "" : filter.practice());
		model.put("selectedPcn", filter.pcn() == null ? "" : filter.pcn());
		model.put("selectedQuintile", filter.quintile() == null ? "" : filter.quintile().toString());
		model.put("selectedStatus", filter.status() == null ? "" : filter.status().name());
		model.put("selectedOwner", filter.owner() == null ? "" : filter.owner().name());
		model.put("days", filter.noResponseDays());
		model.put("csvUrl", csvUrl);
		model.put("rule", filter.rule());
		model.put("highBandSystolic", WorklistPriority.HIGH_BAND_SYSTOLIC);
		model.put("highBandDiastolic", WorklistPriority.HIGH_BAND_DIASTOLIC);
		model.put("highBandQrisk", (int) WorklistPriority.HIGH_BAND_QRISK3);
		return model;
	}

}
