package org.secretariat.platform.core.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration {@code org.secretariat.profile}. No defaults for what names a convention: an
 * administrator must say which convention this platform serves. The keys a module owns are listed so
 * that the file stays one for an administrator; that module reads and checks them.
 */
@ObjectClassDefinition(name = "Convention profile",
        description = "The convention this Secretariat serves")
@interface ProfileConfiguration {

    @AttributeDefinition(description = "Full name of the convention")
    String name();

    @AttributeDefinition(description = "Acronym, used in document symbols")
    String acronym();

    @AttributeDefinition(description = "ISO 639-1 codes of the working languages, default first")
    String[] workingLanguages() default {"en"};

    @AttributeDefinition(description = "Thematic areas of the convention's work")
    String[] thematicAreas() default {};

    @AttributeDefinition(description = "Pattern of document symbols, with {acronym}, {meetingType}, {meetingNumber}, {year}, {category}, {sequence} (read and checked by the meetings module)")
    String documentSymbolPattern() default "{acronym}/{meetingType}/{year}/{category}.{sequence}";

    @AttributeDefinition(description = "First day of the fiscal year, MM-DD")
    String fiscalYearStart() default "01-01";

    @AttributeDefinition(description = "ISO 4217 currency code of the budget")
    String currency();

    @AttributeDefinition(description = "Entry-into-force rule: first-day-of-month-after:N or day-after:N (read and checked by the contacts module)")
    String entryIntoForce();

    @AttributeDefinition(description = "Kinds of meeting as CODE=Name, the code as used in document symbols (read and checked by the meetings module)")
    String[] meetingTypes() default {};
}
