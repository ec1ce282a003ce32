/** The expertise module's services: the queries, the rules and the transactions; records in and out. */
package org.secretariat.expertise.impl.service;
