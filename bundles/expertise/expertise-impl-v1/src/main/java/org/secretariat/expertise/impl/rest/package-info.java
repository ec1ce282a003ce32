/** The expertise module's REST resources (thin: parse, call one service, answer) and its permissions and pages. */
package org.secretariat.expertise.impl.rest;
