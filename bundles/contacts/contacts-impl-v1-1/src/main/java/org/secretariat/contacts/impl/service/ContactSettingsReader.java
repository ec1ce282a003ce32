package org.secretariat.contacts.impl.service;

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
 * Reads the contacts module's key from the convention profile ({@value ConventionProfile#PID}, the
 * platform's file: several components may take one configuration) and offers it as the
 * {@link ContactSettings} service, which {@link States} (and so every service of the module) needs.
 * <ul>
 * <li>A valid rule is offered at once; every state's entry into force follows it when next read.</li>
 * <li>An invalid rule is refused: the last valid one stays in use; the log and health (DOWN, under
 * {@code contacts}) name the key and what is wrong until the profile is corrected.</li>
 * <li>With no valid rule since the module started (a wrong profile at start), there is nothing to
 * offer: the module's services do not start rather than show dates computed by no rule, and health
 * says why.</li>
 * </ul>
 */
@Component(service = HealthContributor.class, configurationPid = ConventionProfile.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ContactSettingsReader implements HealthContributor {

    static final String MODULE = "contacts";

    /** The profile's keys contacts reads (a component property type: the method name is the key). */
    @interface Profile {
        String entryIntoForce() default "";

        String conventionEntryIntoForce() default "";
    }

    private final ProfileSettings<ContactSettings> settings;

    @Activate
    public ContactSettingsReader(BundleContext context, Profile profile) {
        this(settings -> {
            ServiceRegistration<ContactSettings> registration = context.registerService(ContactSettings.class, settings, null);
            return registration::unregister;
        });
        modified(profile);
    }

    /**
     * @param offer makes settings the module's service and answers how to withdraw them (a test keeps
     *              them in a list)
     */
    ContactSettingsReader(Function<ContactSettings, Runnable> offer) {
        this.settings = new ProfileSettings<>(MODULE, offer);
    }

    @Modified
    void modified(Profile profile) {
        read(profile.entryIntoForce(), profile.conventionEntryIntoForce());
    }

    /** Accepts valid values (offered in place of the previous ones), refuses others and says so. */
    void read(String entryIntoForce) {
        read(entryIntoForce, "");
    }

    void read(String entryIntoForce, String conventionEntryIntoForce) {
        settings.read(() -> ContactSettings.read(entryIntoForce, conventionEntryIntoForce));
    }

    @Deactivate
    void deactivate() {
        settings.withdraw();
    }

    /** The settings in use, or null before any valid ones. */
    ContactSettings accepted() {
        return settings.accepted();
    }

    @Override
    public Map<String, List<String>> problems() {
        return settings.problems();
    }
}
