package uk.nhs.bob.primarycare.neighbourhood;

import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A team member asked for a copy of an agreed plan to be sent to the person ({@code requestId} is new for each request,
 * so a message is made once per request).
 */
@NamedInterface("events")
public record CarePlanCopyRequested(UUID requestId, UUID carePlanId, String requestedBy) {
}
