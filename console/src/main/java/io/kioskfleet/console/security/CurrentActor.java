package io.kioskfleet.console.security;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the {@link Actor} making the request (signed-in user, roles, OU
 * scope, source address), so every service call says who asks.
 */
public final class CurrentActor implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String address = request.getNativeRequest(HttpServletRequest.class).getRemoteAddr();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return new Actor(user.username(), user.roles(), user.ouScope(), address);
        }
        if (authentication != null && authentication.getPrincipal() instanceof SignedInWithOidc oidc) {
            SignedInUser user = oidc.account();
            return new Actor(user.username(), user.roles(), user.ouScope(), address);
        }
        String name = authentication == null ? "anonymous" : authentication.getName();
        Set<Role> roles = authentication == null ? Set.of() : authentication.getAuthorities().stream()
            .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
            .filter(role -> Set.of(Role.values()).stream().anyMatch(known -> known.name().equals(role)))
            .map(Role::valueOf).collect(Collectors.toSet());
        return new Actor(name, roles, Set.of(), address);
    }
}
