package uk.nhs.bob.primarycare.programme.spc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/programme/spc} read strictly from its JSON tree: numbers must be JSON numbers (never
 * {@code "5"}), indexes whole numbers (never {@code 1.5}), {@code screenOutliers} a boolean; unknown fields are
 * refused; there are at most as many rebase indexes as values. Each bad field is named as {@code values[1]}, and at
 * most {@link #MAX_ERRORS} errors are listed, all of them counted.
 */
record SpcRequest(double[] values, Spc.Direction direction, @Nullable Double target, List<Integer> rebaseIndexes,
		boolean screenOutliers) {

	/** Keeps sums finite (JSON has no infinity) and requests small. */
	static final double MAX_ABSOLUTE_VALUE = 1e12;

	static final int MAX_VALUES = 10_000;

	static final int MAX_ERRORS = 50;

	private static final Set<String> FIELDS = Set.of("values", "improvementDirection", "target", "rebaseIndexes",
			"screenOutliers");

	/** The request the tree holds, or (when null) the errors that stop it: all counted, the first few listed. */
	record Reading(@Nullable SpcRequest request, int total, List<Map<String, String>> errors) {
	}

	/** Reads a JSON object (the caller has checked it is one). */
	static Reading read(JsonNode root) {
		Errors errors = new Errors();
		for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!FIELDS.contains(name)) {
				errors.add(name, "is not a field of this API (values, improvementDirection, target, rebaseIndexes, "
						+ "screenOutliers)");
			}
		}
		JsonNode valuesNode = root.get("values");
		List<Double> values = values(valuesNode, errors);
		Spc.Direction direction = direction(root.get("improvementDirection"), errors);
		Double target = target(root.get("target"), errors);
		int count = valuesNode != null && valuesNode.isArray() ? valuesNode.size() : 0;
		List<Integer> rebase = rebaseIndexes(root.get("rebaseIndexes"), count, errors);
		boolean screen = screenOutliers(root.get("screenOutliers"), errors);
		if (!errors.list.isEmpty() || direction == null) {
			return new Reading(null, errors.total, errors.list);
		}
		return new Reading(new SpcRequest(values.stream().mapToDouble(v -> v).toArray(), direction, target, rebase,
				screen), 0, List.of());
	}

	private static List<Double> values(@Nullable JsonNode node, Errors errors) {
		List<Double> values = new ArrayList<>();
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			errors.add("values", "must have at least one number");
		}
		else if (!node.isArray()) {
			errors.add("values", "must be a list of numbers");
		}
		else if (node.size() > MAX_VALUES) {
			errors.add("values", "must have at most " + MAX_VALUES + " numbers");
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				JsonNode value = node.get(i);
				if (!value.isNumber()) {
					errors.add("values[" + i + "]", "must be a number");
				}
				else if (outOfRange(value.doubleValue())) {
					errors.add("values[" + i + "]", "must be between -1e12 and 1e12");
				}
				else {
					values.add(value.doubleValue());
				}
			}
		}
		return values;
	}

	private static Spc.@Nullable Direction direction(@Nullable JsonNode node, Errors errors) {
		Spc.Direction direction = node != null && node.isString() ? Spc.Direction.fromCode(node.stringValue()) : null;
		if (direction == null) {
			errors.add("improvementDirection", "must be increase, decrease or neutral");
		}
		return direction;
	}

	private static @Nullable Double target(@Nullable JsonNode node, Errors errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber()) {
			errors.add("target", "must be a number or null");
			return null;
		}
		if (outOfRange(node.doubleValue())) {
			errors.add("target", "must be between -1e12 and 1e12");
			return null;
		}
		return node.doubleValue();
	}

	private static List<Integer> rebaseIndexes(@Nullable JsonNode node, int count, Errors errors) {
		List<Integer> rebase = new ArrayList<>();
		if (node == null || node.isNull()) {
			return rebase;
		}
		if (!node.isArray()) {
			errors.add("rebaseIndexes", "must be a list of whole numbers");
		}
		else if (node.size() > Math.max(count, 1)) {
			errors.add("rebaseIndexes", "must have no more indexes than there are values (" + count + ")");
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				JsonNode index = node.get(i);
				if (!index.isIntegralNumber() || !index.canConvertToInt()) {
					errors.add("rebaseIndexes[" + i + "]", "must be a whole number");
				}
				else if (index.intValue() < 0 || index.intValue() >= count) {
					errors.add("rebaseIndexes[" + i + "]", count == 0 ? "must be the 0-based index of one of the values"
							: "must be the 0-based index of one of the values (0 to " + (count - 1) + ")");
				}
				else {
					rebase.add(index.intValue());
				}
			}
		}
		return rebase;
	}

	private static boolean screenOutliers(@Nullable JsonNode node, Errors errors) {
		if (node == null || node.isNull()) {
			return true;
		}
		if (!node.isBoolean()) {
			errors.add("screenOutliers", "must be true or false");
			return true;
		}
		return node.booleanValue();
	}

	private static boolean outOfRange(double value) {
		return !Double.isFinite(value) || Math.abs(value) > MAX_ABSOLUTE_VALUE;
	}

	/** The field errors, listing at most {@link #MAX_ERRORS} of them but counting all. */
	private static final class Errors {

		final List<Map<String, String>> list = new ArrayList<>();

		int total;

		void add(String field, String message) {
			total++;
			if (list.size() < MAX_ERRORS) {
				list.add(Map.of("field", field, "message", message));
			}
		}

	}

}
