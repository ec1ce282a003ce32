package org.secretariat.it;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed server certificate for 127.0.0.1, made with the JDK's keytool, and a client context that trusts it. */
final class TestKeystore {

    final Path file;
    final String password;
    final SSLContext clientContext;

    private TestKeystore(Path file, String password, SSLContext clientContext) {
        this.file = file;
        this.password = password;
        this.clientContext = clientContext;
    }

    static TestKeystore create(Path folder) throws Exception {
        Path keystore = folder.resolve("server.p12");
        String password = "keystore-password-1";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "secretariat", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        java.security.KeyStore trusted = java.security.KeyStore.getInstance(keystore.toFile(), password.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return new TestKeystore(keystore, password, ssl);
    }
}
