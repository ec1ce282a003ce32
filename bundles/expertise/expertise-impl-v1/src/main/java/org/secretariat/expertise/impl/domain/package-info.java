/** The expertise module's entities and enums (JPA), nothing else. */
package org.secretariat.expertise.impl.domain;
