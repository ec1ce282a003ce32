package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.api.SponsorshipStatistics;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Gender;
import org.secretariat.sponsorship.impl.domain.Programme;

/** The anonymised statistics the website may publish: counts only, per meeting whose selection was approved. */
@Component(service = SponsorshipStatistics.class)
public class Statistics implements SponsorshipStatistics {

    private final EntityManagerFactory factory;

    @Activate
    public Statistics(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public List<MeetingFigures> meetings() {
        return Transactions.read(factory, em -> {
            List<MeetingFigures> figures = new ArrayList<>();
            for (Programme p : em.createQuery("SELECT p FROM Programme p WHERE p.approvedAt IS NOT NULL ORDER BY p.meetingStart DESC, p.id",
                    Programme.class).getResultList()) {
                List<Application> sponsored = em.createQuery("SELECT a FROM Application a WHERE a.programmeId = :p AND a.status = :accepted",
                        Application.class).setParameter("p", p.id).setParameter("accepted", ApplicationStatus.ACCEPTED).getResultList();
                long known = sponsored.stream().filter(a -> a.gender != null).count();
                long women = sponsored.stream().filter(a -> a.gender == Gender.FEMALE).count();
                figures.add(new MeetingFigures(p.meetingId, p.meetingTitle, p.meetingStart, p.meetingEnd, sponsored.size(),
                        (int) sponsored.stream().map(a -> a.stateIso2).distinct().count(),
                        known == 0 ? null : BigDecimal.valueOf(women).divide(BigDecimal.valueOf(known), 2, RoundingMode.HALF_EVEN)));
            }
            return figures;
        });
    }
}
