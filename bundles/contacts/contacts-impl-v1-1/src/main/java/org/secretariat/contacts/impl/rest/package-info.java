/**
 * The module's REST resources under {@code /api/contacts}: each reads the path, query and body of a
 * request, asks one service, and answers with the status, headers and media type. Permissions are
 * checked here, per method; rules are the services'.
 */
package org.secretariat.contacts.impl.rest;
