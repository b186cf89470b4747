package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

/** The team a plan belongs to, as its pages show it (read with the plan, in the same transaction). */
public record PlanTeam(UUID id, String siteCode, String name) {
}
