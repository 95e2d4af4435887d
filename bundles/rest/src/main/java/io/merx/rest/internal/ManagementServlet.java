package io.merx.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The Merx API under {@code /api/v1}: models, versions, kinds, scoring, deployment, training, artifacts and
 * the OpenAPI document. See {@code docs/rest.md}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName("merx-api")
public final class ManagementServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/api/v1";

    private final transient byte[] openApi;

    @Activate
    public ManagementServlet(@Reference RestCore core) {
        super(core, PREFIX);
        this.openApi = openApi();
        ModelsResource.register(router(), core);
        ScoringResource.register(router(), core);
        DeploymentResource.register(router(), core);
        TrainingResource.register(router(), core);
        ArtifactResource.register(router(), core);
        EventsResource.register(router(), core);
        ExperimentsResource.register(router(), core);
        ScheduleResource.register(router(), core);
        SessionResource.register(router(), core);
        router().add("GET", "/openapi.json", Role.PUBLIC, this::sendOpenApi);
    }

    private static byte[] openApi() {
        try (InputStream in = ManagementServlet.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }

    private void sendOpenApi(Exchange exchange, List<String> path) throws IOException {
        exchange.response.setStatus(200);
        exchange.response.setContentType(Exchange.JSON);
        exchange.response.setContentLength(openApi.length);
        exchange.response.getOutputStream().write(openApi);
    }
}
