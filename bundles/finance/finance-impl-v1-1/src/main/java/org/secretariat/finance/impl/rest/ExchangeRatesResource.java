package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.impl.service.ExchangeRates;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Exchange rates to the base currency, by currency and day. */
@Component(service = ExchangeRatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeRatesResource {

    private final ExchangeRates rates;

    @Activate
    public ExchangeRatesResource(@Reference ExchangeRates rates) {
        this.rates = rates;
    }

    @GET
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("List exchange rates to the base currency, newest first, optionally of one currency")
    public List<ExchangeRates.View> list(@QueryParam("currency") String currency) {
        return rates.list(currency);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Answers(status = 201, value = ExchangeRates.View.class)
    @Summary("Enter the exchange rate of a currency for a date (one per day)")
    public Response enter(ExchangeRates.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(rates.enter(body, security.getUserPrincipal().getName())).build();
    }
}
