/** The experts' self-service: signed, time-limited links to their own profile, and the form they open (no account, no JavaScript). */
package org.secretariat.expertise.impl.profile;
