package io.kioskfleet.policies.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.compile.PolicyCompiler;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.policies.validation.PolicyValidator;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.NetworkZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PolicyTemplateTest {

    @ParameterizedTest
    @EnumSource(PolicyTemplate.class)
    void everyTemplateValidatesClean(PolicyTemplate template) {
        assertThat(new PolicyValidator().validate(template.text()).problems()).isEmpty();
        assertThat(template.document().metadata().name()).isEqualTo(template.id());
    }

    @Test
    void ephemeralGuestLastsFourHoursWipesAndKeepsCertificates() {
        DevicePolicy payload = compiled(PolicyTemplate.EPHEMERAL_GUEST);
        assertThat(payload.session().maxLengthMinutes()).isEqualTo(240);
        assertThat(payload.wipe().onLogout()).isTrue();
        assertThat(payload.wipe().preserve()).anyMatch(p -> p.contains("SystemCertificates"));
    }

    @Test
    void viewOnlyTeleworkAllowsNoDownloadAndNoScreenCapture() {
        DevicePolicy payload = compiled(PolicyTemplate.VIEW_ONLY_TELEWORK);
        assertThat(payload.data().downloadsAllowed()).isFalse();
        assertThat(payload.data().screenCaptureAllowed()).isFalse();
    }

    @Test
    void lgwanRestrictedStaysOnTheLgwanSide() {
        assertThat(compiled(PolicyTemplate.LGWAN_RESTRICTED).access().networkZone())
            .isEqualTo(NetworkZone.LGWAN);
        assertThat(compiled(PolicyTemplate.SINGLE_APP_KIOSK).device().kioskApp())
            .isEqualTo("jp.lg.kioskfleet.counter");
    }

    private static DevicePolicy compiled(PolicyTemplate template) {
        return PolicyCompiler.compile(PolicyResolver.resolve(
            OuChain.of(OuLevel.attached("ou_root", template.document()))));
    }
}
