package org.secretariat.platform.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A module's part of the convention profile, offered as the module's own settings service while it is
 * valid — the one way every module reads its keys of {@code etc/org.secretariat.profile.config}:
 * <ul>
 * <li>a valid value is offered at once, in place of the previous one;</li>
 * <li>an invalid value is refused: the last valid settings stay in use, and the log and
 * {@link #problems()} (for the module's health contributor) name the key and what is wrong until the
 * profile is corrected;</li>
 * <li>with no valid value since the module started nothing is offered, so the services that need the
 * settings do not start, and health says why.</li>
 * </ul>
 *
 * @param <T> the module's settings (a value with {@code equals}); its parser throws
 *            {@link IllegalArgumentException} naming the key for a wrong value
 * @since 1.2
 */
public final class ProfileSettings<T> {

    private static final Logger LOG = Logger.getLogger(ProfileSettings.class.getName());

    private final String module;
    private final Function<T, Runnable> offer;
    private T accepted;
    private Runnable withdraw;
    private volatile String problem;

    /**
     * @param module the module's id, under which health names a problem
     * @param offer makes settings the module's service (e.g. registers them) and answers how to withdraw them
     */
    public ProfileSettings(String module, Function<T, Runnable> offer) {
        this.module = module;
        this.offer = offer;
    }

    /** Parses the profile's values again: accepted and offered when valid, refused and named otherwise. */
    public synchronized void read(Supplier<T> parse) {
        T read;
        try {
            read = parse.get();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage() + (accepted == null
                    ? ": the " + module + " module does not start until etc/org.secretariat.profile.config is corrected"
                    : ": refused; the " + module + " module keeps " + accepted);
            if (accepted == null) {
                LOG.severe(problem);
            } else {
                LOG.warning(problem);
            }
            return;
        }
        if (problem != null) {
            LOG.info("The " + module + " module's part of the convention profile is valid again");
            problem = null;
        }
        if (read.equals(accepted)) {
            return;
        }
        Runnable previous = withdraw;
        withdraw = offer.apply(read);
        accepted = read;
        if (previous != null) {
            previous.run();
        }
        LOG.info(() -> "Settings of the " + module + " module: " + read);
    }

    /** Withdraws what is offered (the module's reader is going away). */
    public synchronized void withdraw() {
        if (withdraw != null) {
            withdraw.run();
        }
        withdraw = null;
        accepted = null;
    }

    /** The settings in use, or null before any valid ones. */
    public synchronized T accepted() {
        return accepted;
    }

    /** The refusal in force, by module id, for the module's health contributor; empty when the settings are valid. */
    public Map<String, List<String>> problems() {
        String current = problem;
        return current == null ? Map.of() : Map.of(module, List.of(current));
    }
}
