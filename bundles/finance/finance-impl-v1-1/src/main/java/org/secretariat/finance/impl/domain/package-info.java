/** The finance module's entities (JPA) and enums. */
package org.secretariat.finance.impl.domain;
