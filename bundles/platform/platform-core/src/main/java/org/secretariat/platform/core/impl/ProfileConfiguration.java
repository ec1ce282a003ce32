package org.secretariat.platform.core.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration {@code org.secretariat.profile}. No defaults for what names a convention: an
 * administrator must say which convention this platform serves.
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

    @AttributeDefinition(description = "Pattern of document symbols, with {acronym}, {meetingType}, {meetingNumber}, {year}, {category}, {sequence}")
    String documentSymbolPattern() default "{acronym}/{meetingType}/{year}/{category}.{sequence}";

    @AttributeDefinition(description = "First day of the fiscal year, MM-DD")
    String fiscalYearStart() default "01-01";

    @AttributeDefinition(description = "ISO 4217 currency code of the budget")
    String currency();

    @AttributeDefinition(description = "Entry-into-force rule: first-day-of-month-after:N or day-after:N")
    String entryIntoForce();

    @AttributeDefinition(description = "Kinds of meeting as CODE=Name, the code as used in document symbols, e.g. MSP=Meeting of States Parties")
    String[] meetingTypes() default {};
}
