package nl.ouderportaal.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test SMTP server that cuts every connection, and refuses new ones, when
 * the client starts its N-th mail transaction (its N-th {@code MAIL FROM}), until {@link #restore()}.
 * Cutting at the start of a transaction, never inside one, makes the outage deterministic: every mail
 * before it was accepted and acknowledged, none after it was started.
 */
public final class SmtpOutageProxy implements AutoCloseable {

    private volatile int targetPort;
    private final int cutAtTransaction;
    private final AtomicInteger transactions = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final ServerSocket server;

    /** A proxy whose target is set later with {@link #forwardTo(int)}. */
    public SmtpOutageProxy(int cutAtTransaction) throws IOException {
        this.cutAtTransaction = cutAtTransaction;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-outage-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public void forwardTo(int port) {
        this.targetPort = port;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Ends the outage: new connections reach the server again. */
    public void restore() {
        down = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client.getInputStream(), upstream.getOutputStream(), true);
                pump(upstream.getInputStream(), client.getOutputStream(), false);
            } catch (IOException e) {
                // Server socket closed or a connection refused: keep accepting while open.
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean fromClient) {
        Thread thread = new Thread(() -> {
            StringBuilder line = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (fromClient && startsTransaction(buffer, n, line)) {
                        cut();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // Connection cut or closed.
            }
            closeQuietly(in, out);
        }, "smtp-outage-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this chunk holds the MAIL FROM that starts the transaction to cut at. */
    private boolean startsTransaction(byte[] buffer, int n, StringBuilder line) {
        line.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        boolean cut = false;
        int end;
        while ((end = line.indexOf("\n")) >= 0) {
            String command = line.substring(0, end).toUpperCase(java.util.Locale.ROOT);
            line.delete(0, end + 1);
            if (command.startsWith("MAIL FROM") && transactions.incrementAndGet() == cutAtTransaction) {
                cut = true;
            }
        }
        return cut;
    }

    private void cut() {
        down = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
        sockets.clear();
    }

    private static void closeQuietly(InputStream in, OutputStream out) {
        try {
            in.close();
            out.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
