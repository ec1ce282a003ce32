/** The finance module's REST resources: parse the request, call one service, map the answer. */
package org.secretariat.finance.impl.rest;
