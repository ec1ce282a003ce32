package org.secretariat.platform.mail.impl;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.handlers.multipart_mixed;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.secretariat.platform.api.mail.Mail;

/**
 * One connection to the SMTP server, opened on the first message and reused for the next ones of a
 * round. Jakarta Mail finds its parts through {@code ServiceLoader} and the context class loader, which
 * OSGi leaves unset: the transport is Angus's {@link SMTPTransport} named directly (no provider lookup),
 * lookups run with Angus Mail's class loader as the context class loader, and bodies are byte sources
 * (the multipart's writer given explicitly), so no mailcap registry is needed.
 */
final class SmtpConnection implements AutoCloseable {

    /** Writes a multipart/alternative body; the only content handler the messages need. */
    private static final CommandMap MULTIPART_ONLY = new CommandMap() {
        @Override
        public CommandInfo[] getPreferredCommands(String mimeType) {
            return new CommandInfo[0];
        }

        @Override
        public CommandInfo[] getAllCommands(String mimeType) {
            return new CommandInfo[0];
        }

        @Override
        public CommandInfo getCommand(String mimeType, String cmdName) {
            return null;
        }

        @Override
        public DataContentHandler createDataContentHandler(String mimeType) {
            return mimeType != null && mimeType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? new multipart_mixed() : null;
        }
    };

    private final MailSettings settings;
    private final Session session;
    private SMTPTransport transport;

    SmtpConnection(MailSettings settings) {
        this.settings = settings;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            this.session = Session.getInstance(properties(settings));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectionTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls() != MailSettings.StartTls.NONE));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls() == MailSettings.StartTls.REQUIRED));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.setProperty("mail.smtp.from", settings.fromAddress());
        return properties;
    }

    /** Sends one message; connects first if needed. */
    void send(Mail mail, Instant date) throws MessagingException {
        withMailClassLoader(() -> {
            MimeMessage message = message(session, settings, mail, date);
            if (transport == null || !transport.isConnected()) {
                close();
                SMTPTransport opened = new SMTPTransport(session, new URLName("smtp", settings.host(), settings.port(), null, null, null));
                opened.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport = opened;
            }
            transport.sendMessage(message, message.getAllRecipients());
            return null;
        });
    }

    /** Whether a connection is open (a failure before it opened means the server could not be reached or refused the login). */
    boolean connected() {
        return transport != null && transport.isConnected();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    /** The message as it goes out: plain text, or text and HTML as alternatives; its Message-ID follows from its key. */
    static MimeMessage message(Session session, MailSettings settings, Mail mail, Instant date) throws MessagingException {
        String messageId = messageId(mail.key(), settings.fromAddress());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same message always carries the same Message-ID, so a receiver can drop a copy sent again after a crash.
                setHeader("Message-ID", messageId);
            }
        };
        try {
            message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(date));
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.html() == null) {
            message.setDataHandler(text(mail.text(), "plain"));
        } else {
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(part(text(mail.text(), "plain")));
            alternatives.addBodyPart(part(text(mail.html(), "html")));
            DataHandler body = new DataHandler(alternatives, alternatives.getContentType());
            body.setCommandMap(MULTIPART_ONLY);
            message.setDataHandler(body);
        }
        message.saveChanges();
        return message;
    }

    private static DataHandler text(String text, String subtype) {
        return new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), "text/" + subtype + "; charset=UTF-8"));
    }

    private static MimeBodyPart part(DataHandler content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(content);
        return part;
    }

    /** {@code <32 hex digits of the key's SHA-256>.outbox@<the sender's domain>}: one Message-ID per outbox key. */
    static String messageId(String key, String fromAddress) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".outbox@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Work that may look Jakarta Mail's providers up, with Angus Mail's class loader as the context class loader. */
    private static <T> T withMailClassLoader(MailWork<T> work) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface MailWork<T> {
        T run() throws MessagingException;
    }
}
