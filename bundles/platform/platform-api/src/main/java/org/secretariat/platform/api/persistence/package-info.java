/**
 * How a module obtains its persistence unit, schema migrations and transactions.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.secretariat.platform.api.persistence;
