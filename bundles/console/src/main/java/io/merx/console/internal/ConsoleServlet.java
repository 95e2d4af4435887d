package io.merx.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console's page, scripts and styles at {@code /merx/}, every answer with a strict
 * Content-Security-Policy: scripts and styles only from this origin (no inline code, no eval), data only from
 * this origin's API, nothing may frame the console. The page logs in and reads everything through
 * {@code /api/v1}, which checks roles; nothing here needs a login, since these files hold no data.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/merx", "/merx/*"})
@HttpWhiteboardServletName("merx-console")
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PREFIX = "/merx/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final transient Assets assets = new Assets(ConsoleServlet.class.getClassLoader());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secure(response);
        String path = path(request);
        if (path == null) {
            // "/merx": relative script URLs need the trailing slash
            response.sendRedirect(request.getContextPath() + PREFIX);
            return;
        }
        Assets.Asset asset = assets.find(path);
        if (asset == null) {
            byte[] body = "no such console file\n".getBytes(StandardCharsets.UTF_8);
            response.setStatus(404);
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.contentType());
        // Revalidated on every load: a new Merx version must not run against an old cached script.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            try {
                super.service(request, response);
            } catch (javax.servlet.ServletException e) {
                throw new IOException(e);
            }
            return;
        }
        secure(response);
        response.setHeader("Allow", "GET, HEAD");
        response.sendError(405);
    }

    /** The path below {@code /merx/}, or null for {@code /merx} itself. */
    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.startsWith(PREFIX)) {
            return null;
        }
        return uri.substring(PREFIX.length());
    }

    /** Headers on every answer, errors included. */
    private static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
