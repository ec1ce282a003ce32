/**
 * Platform services every module may use: the convention profile and its rules.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.secretariat.platform.api;
