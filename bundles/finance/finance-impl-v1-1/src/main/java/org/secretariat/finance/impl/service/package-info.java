/** The finance module's services: the queries, the rules, the transactions; records in and out. */
package org.secretariat.finance.impl.service;
