package uk.nhs.bob.primarycare.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.neighbourhood.AgreedCarePlan;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A copy of the agreed care plan as a letter for GOV.UK Notify's precompiled letter route: A4 portrait, everything
 * inside the printable area (15 mm side margins), the recipient's address in Notify's address block (24.6 mm from
 * the left, 39.5 mm from the top, 95.4 by 26.8 mm) and the sender's details in the letter contact block (125 mm
 * from the left, 30 mm from the top), as Notify's letter specification sets out. The font is embedded.
 */
@Component
class CarePlanLetter {

	/** The letter as a PDF and as plain text (what the outbox and the message log show). */
	record Letter(byte[] pdf, String text) {
	}

	private static final float MM = 72f / 25.4f;

	private static final float PAGE_HEIGHT = PageSize.A4.getHeight();

	private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

	private final BaseFont font;

	CarePlanLetter() {
		try {
			this.font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The letter font " + FONT + " is missing", ex);
		}
	}

	Letter render(String name, List<String> address, NhsNumber nhsNumber, AgreedCarePlan plan, LocalDate date) {
		List<String[]> sections = sections(plan);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// the body starts below the address and contact blocks on page 1; later pages use the whole printable area
		Document document = new Document(PageSize.A4, 15 * MM, 15 * MM, 100 * MM, 20 * MM);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle("Your personalised care and support plan");
			document.open();
			PdfContentByte canvas = writer.getDirectContent();
			block(canvas, 15, 5, 180, 25, List.of("NHS Buckinghamshire, Oxfordshire and Berkshire West",
					plan.teamName()), 12);
			List<String> recipient = new ArrayList<>();
			recipient.add(name);
			recipient.addAll(address);
			block(canvas, 24.6f, 39.5f, 95.4f, 26.8f, recipient, 10);
			block(canvas, 125, 30, 65, 65, List.of(plan.teamName(),
					plan.keyworker() == null ? "" : "Keyworker: " + plan.keyworker(), "",
					"Date: " + Routing.DAY.format(date), "NHS number: " + nhsNumber.formatted()), 9);
			document.setMargins(15 * MM, 15 * MM, 15 * MM, 20 * MM);
			document.add(new Paragraph("Your personalised care and support plan", new Font(font, 16)));
			document.add(paragraph("Dear " + name + ",", 11, 8));
			document.add(paragraph("This is a copy of the care and support plan you agreed with the " + plan.teamName()
					+ (plan.agreedOn() == null ? "." : " on " + Routing.DAY.format(plan.agreedOn()) + "."), 11, 4));
			for (String[] section : sections) {
				document.add(paragraph(section[0], 13, 10));
				document.add(paragraph(section[1], 11, 2));
			}
			document.add(paragraph("If anything in your plan is wrong, tell your keyworker.", 11, 12));
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not make the care plan letter", ex);
		}
		StringBuilder text = new StringBuilder(String.join("\n", recipient(name, address)))
			.append("\n\nYour personalised care and support plan\n\nDear ")
			.append(name)
			.append(",\n");
		for (String[] section : sections) {
			text.append('\n').append(section[0]).append("\n").append(section[1]).append('\n');
		}
		return new Letter(out.toByteArray(), text.toString().strip());
	}

	/** Heading and text of each part of the plan, as both the PDF and the text show them. */
	static List<String[]> sections(AgreedCarePlan plan) {
		List<String[]> sections = new ArrayList<>();
		sections.add(new String[] { "What matters to you", plan.whatMatters() });
		sections.add(new String[] { "Your goals", goals(plan) });
		sections.add(new String[] { "What we will do", actions(plan) });
		sections.add(new String[] { "If things get worse",
				plan.contingencyPlan().isBlank() ? "Call 111, or 999 in an emergency." : plan.contingencyPlan() });
		sections.add(new String[] { "Next review", nextReview(plan) });
		sections.add(new String[] { "About this plan", about(plan) });
		return sections;
	}

	/** The personalised care and support planning parts: sharing, agreement, carers, advance care plan, frailty. */
	static String about(AgreedCarePlan plan) {
		AgreedCarePlan.AboutThePlan about = plan.about();
		List<String> lines = new ArrayList<>();
		lines.add("Sharing this plan: " + about.consentToShare());
		lines.add("Agreed with: " + (about.agreedWith() == null ? "not recorded" : about.agreedWith()));
		lines.add("Carers and next of kin: " + (about.carers().isEmpty() ? "none recorded"
				: String.join("; ", about.carers())));
		lines.add(about.advanceCarePlan());
		lines.add("Clinical Frailty Scale: " + (about.frailtyScale() == null ? "not recorded" : about.frailtyScale()));
		return String.join("\n", lines);
	}

	static String goals(AgreedCarePlan plan) {
		List<String> lines = new ArrayList<>();
		for (AgreedCarePlan.Goal goal : plan.goals()) {
			lines.add("- " + goal.description() + " (by " + Routing.DAY.format(goal.targetDate()) + ")");
		}
		return lines.isEmpty() ? "None written yet." : String.join("\n", lines);
	}

	static String actions(AgreedCarePlan plan) {
		List<String> lines = new ArrayList<>();
		for (AgreedCarePlan.Action action : plan.actions()) {
			lines.add("- " + action.description() + (action.owner().isBlank() ? "" : ": " + action.owner()) + ", by "
					+ Routing.DAY.format(action.dueDate()));
		}
		return lines.isEmpty() ? "None written yet." : String.join("\n", lines);
	}

	static String nextReview(AgreedCarePlan plan) {
		return (plan.nextReviewDate() == null ? "Your team will agree a review date with you."
				: "Your next review is on " + Routing.DAY.format(plan.nextReviewDate()) + ".")
				+ (plan.keyworker() == null ? "" : " Your keyworker is " + plan.keyworker() + ".");
	}

	private static List<String> recipient(String name, List<String> address) {
		List<String> lines = new ArrayList<>();
		lines.add(name);
		lines.addAll(address);
		return lines;
	}

	private Paragraph paragraph(String text, float size, float spacingBefore) {
		Paragraph paragraph = new Paragraph(text, new Font(font, size));
		paragraph.setSpacingBefore(spacingBefore);
		paragraph.setLeading(size * 1.3f);
		return paragraph;
	}

	/** Lines of text inside a box given in millimetres from the page's top-left corner, as the specification does. */
	private void block(PdfContentByte canvas, float leftMm, float topMm, float widthMm, float heightMm,
			List<String> lines, float size) throws DocumentException {
		ColumnText column = new ColumnText(canvas);
		float left = leftMm * MM;
		float top = PAGE_HEIGHT - topMm * MM;
		column.setSimpleColumn(left, top - heightMm * MM, left + widthMm * MM, top, size * 1.2f,
				Element.ALIGN_LEFT);
		for (String line : lines) {
			column.addText(new Phrase(line + "\n", new Font(font, size)));
		}
		column.go();
	}

}
