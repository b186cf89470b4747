package uk.nhs.bob.primarycare.directory;

import jakarta.validation.ConstraintValidatorContext;

/** Adds field errors from the directory forms' class-level constraints, with messages made in code. */
final class FormRefusals {

	private FormRefusals() {
	}

	/** A message as a Bean Validation template that reads as itself: braces and dollars are not parameters. */
	static String literal(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

	/** Refuses the field at this path (a property, or a property of one: "monday.from1") with the message. */
	static void refuse(ConstraintValidatorContext context, String path, String message) {
		var builder = context.buildConstraintViolationWithTemplate(literal(message));
		String[] nodes = path.split("\\.");
		var node = builder.addPropertyNode(nodes[0]);
		for (int i = 1; i < nodes.length; i++) {
			node = node.addPropertyNode(nodes[i]);
		}
		node.addConstraintViolation();
	}

}
