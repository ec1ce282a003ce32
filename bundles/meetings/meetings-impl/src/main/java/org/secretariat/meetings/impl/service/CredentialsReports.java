package org.secretariat.meetings.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;

/**
 * Since 1.2: the credentials report a credentials committee reads: delegation by delegation, in
 * protocol order, the strongest credentials its participants hold, and each participant's.
 */
@Component(service = CredentialsReports.class)
public class CredentialsReports {

    private final Participants participants;

    @Activate
    public CredentialsReports(@Reference Participants participants) {
        this.participants = participants;
    }

    /** The credentials report: per delegation in protocol order, the best credentials any of its participants holds, and theirs. */
    public record CredentialsReport(String meetingTitle, RegistrationStatus status, List<DelegationCredentials> delegations,
            Map<String, Integer> totals) {
    }

    /**
     * A delegation's credentials: {@code credentials} is the strongest its participants hold
     * ({@code ORIGINAL}, {@code COPY}, {@code NOTE_VERBALE}, {@code UNKNOWN_KIND} or {@code NONE}).
     */
    public record DelegationCredentials(ProtocolGroup protocolGroup, String delegation, String stateIso2, String credentials,
            List<HeldCredentials> participants) {
    }

    /** One participant's credentials. */
    public record HeldCredentials(long id, String name, ParticipantRole role, RegistrationStatus status, String credentials,
            LocalDate receivedOn) {
    }

    /** From the strongest to none: the order the report picks a delegation's credentials by. */
    private static final List<String> STRENGTH = List.of(CredentialsKind.ORIGINAL.name(), CredentialsKind.COPY.name(),
            CredentialsKind.NOTE_VERBALE.name(), Participants.UNKNOWN_KIND, Participants.NONE);

    /** The credentials report over the participants of one status (all when null). */
    public CredentialsReport credentials(long meetingId, RegistrationStatus status) {
        Participants.ListOfParticipants list = participants.listOf(meetingId, status);
        List<DelegationCredentials> delegations = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        STRENGTH.forEach(kind -> totals.put(kind, 0));
        List<Registration> members = new ArrayList<>();
        for (int i = 0; i <= list.participants().size(); i++) {
            Registration next = i < list.participants().size() ? list.participants().get(i) : null;
            if (!members.isEmpty() && (next == null || next.protocolGroup() != members.get(0).protocolGroup()
                    || !next.delegation().equals(members.get(0).delegation()))) {
                DelegationCredentials delegation = delegation(members);
                totals.merge(delegation.credentials(), 1, Integer::sum);
                delegations.add(delegation);
                members = new ArrayList<>();
            }
            if (next != null) {
                members.add(next);
            }
        }
        return new CredentialsReport(list.meetingTitle(), status, delegations, totals);
    }

    private static DelegationCredentials delegation(List<Registration> members) {
        Registration first = members.get(0);
        List<HeldCredentials> held = members.stream().map(p -> new HeldCredentials(p.id(), p.displayName(), p.role(), p.status(),
                p.credentialsLabel(), p.credentialsReceivedOn())).collect(Collectors.toList());
        String best = held.stream().map(HeldCredentials::credentials).min(Comparator.comparingInt(STRENGTH::indexOf)).orElse(Participants.NONE);
        return new DelegationCredentials(first.protocolGroup(), first.delegation(), first.stateIso2(), best, held);
    }

}
