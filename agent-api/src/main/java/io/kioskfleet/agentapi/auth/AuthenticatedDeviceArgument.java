package io.kioskfleet.agentapi.auth;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.deviceauth.DeviceAuthenticationException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a device API method the {@link AuthenticatedDevice} that {@link DeviceRequestFilter} let in. */
public final class AuthenticatedDeviceArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedDevice.class;
    }

    @Override
    public AuthenticatedDevice resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                               NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Object device = request.getAttribute(DeviceRequestFilter.DEVICE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (device instanceof AuthenticatedDevice authenticated) {
            return authenticated;
        }
        // Only reachable if the filter was not in front of this endpoint: refuse rather than guess.
        throw new DeviceAuthenticationException("missing-signature", "this endpoint needs a signed device request");
    }
}
