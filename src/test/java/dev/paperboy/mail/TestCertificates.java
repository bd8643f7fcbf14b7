package dev.paperboy.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made with the JDK's {@code keytool} for the TLS tests: one for localhost and
 * 127.0.0.1 that GreenMail's SMTPS serves, and one for another name. The mailer under test trusts them
 * through its socket-factory constructor, never by switching checks off.
 *
 * <p>GreenMail reads its keystore once per JVM (a singleton behind {@code DummySSLServerSocketFactory}),
 * from the file named by the system property {@code greenmail.tls.keystore.file}; so the localhost certificate
 * is made once per JVM too, and {@link #localhost()} must run before the first SMTPS server starts.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    private static final String ALIAS = "greenmail";

    /** A keystore file holding one key and its self-signed certificate. */
    record Identity(Path keystore) {

        /** A client socket factory that trusts this certificate only. */
        SSLSocketFactory trustingIt() {
            try {
                Certificate cert = load().getCertificate(ALIAS);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("test", cert);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                return ctx.getSocketFactory();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("test certificate: unable to trust " + keystore, e);
            }
        }

        /** A server socket factory that presents this certificate. */
        SSLServerSocketFactory serving() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(), PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx.getServerSocketFactory();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("test certificate: unable to serve " + keystore, e);
            }
        }

        private KeyStore load() throws GeneralSecurityException, IOException {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            return ks;
        }
    }

    private static final class Localhost {
        static final Identity IDENTITY = installed();

        private static Identity installed() {
            Identity id = make("CN=localhost", "dns:localhost,ip:127.0.0.1");
            System.setProperty("greenmail.tls.keystore.file", id.keystore().toString());
            System.setProperty("greenmail.tls.keystore.password", PASSWORD);
            return id;
        }
    }

    private TestCertificates() {}

    /** The certificate for localhost and 127.0.0.1, installed as GreenMail's (made on first call). */
    static Identity localhost() {
        return Localhost.IDENTITY;
    }

    /** A new certificate for {@code name} only. */
    static Identity forName(String name) {
        return make("CN=" + name, "dns:" + name);
    }

    private static Identity make(String dname, String san) {
        try {
            Path dir = Files.createTempDirectory("paperboy-test-tls");
            Path keystore = dir.resolve("test.p12");
            keystore.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-ext", "SAN=" + san,
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("test certificate: keytool failed: " + out);
            }
            return new Identity(keystore);
        } catch (IOException e) {
            throw new IllegalStateException("test certificate: unable to run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test certificate: interrupted", e);
        }
    }
}
