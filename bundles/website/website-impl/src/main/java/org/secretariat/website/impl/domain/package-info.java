/** The website's entities: pages, news items, their texts per language, uploaded media. */
package org.secretariat.website.impl.domain;
