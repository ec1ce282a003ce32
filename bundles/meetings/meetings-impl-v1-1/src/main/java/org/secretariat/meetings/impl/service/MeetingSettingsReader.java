package org.secretariat.meetings.impl.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.ProfileSettings;
import org.secretariat.platform.api.health.HealthContributor;

/**
 * Reads the meetings module's keys from the convention profile ({@value ConventionProfile#PID}, the
 * platform's file: several components may take one configuration) and offers them as the
 * {@link MeetingSettings} service, which the module's services need.
 * <ul>
 * <li>Valid values are offered at once.</li>
 * <li>An invalid value is refused: the last valid settings stay in use; the log and health (DOWN,
 * under {@code meetings}) name the key and what is wrong until the profile is corrected.</li>
 * <li>With no valid value since the module started (a wrong profile at start), there are no settings
 * to offer: the services that need them (meetings, documents, and the REST resources over them) do not
 * start, and health says why.</li>
 * </ul>
 */
@Component(service = HealthContributor.class, configurationPid = ConventionProfile.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MeetingSettingsReader implements HealthContributor {


    /** The profile's keys meetings reads (a component property type: the method names are the keys). */
    @interface Profile {
        String[] meetingTypes() default {};

        String documentSymbolPattern() default MeetingSettings.DEFAULT_SYMBOL_PATTERN;
    }

    private final ProfileSettings<MeetingSettings> settings;

    @Activate
    public MeetingSettingsReader(BundleContext context, Profile profile) {
        this(settings -> {
            ServiceRegistration<MeetingSettings> registration = context.registerService(MeetingSettings.class, settings, null);
            return registration::unregister;
        });
        modified(profile);
    }

    /**
     * @param offer makes settings the module's service and answers how to withdraw them (a test keeps
     *              them in a list)
     */
    MeetingSettingsReader(Function<MeetingSettings, Runnable> offer) {
        this.settings = new ProfileSettings<>(Meetings.MODULE, offer);
    }

    @Modified
    void modified(Profile profile) {
        read(profile.meetingTypes(), profile.documentSymbolPattern());
    }

    /** Accepts valid values (offered in place of the previous ones), refuses others and says so. */
    void read(String[] meetingTypes, String documentSymbolPattern) {
        settings.read(() -> MeetingSettings.read(meetingTypes, documentSymbolPattern));
    }

    @Deactivate
    void deactivate() {
        settings.withdraw();
    }

    /** The settings in use, or null before any valid ones. */
    MeetingSettings accepted() {
        return settings.accepted();
    }

    @Override
    public Map<String, List<String>> problems() {
        return settings.problems();
    }
}
