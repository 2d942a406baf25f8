package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pre-registering laptops from a CSV file in the console: check it first, then register; every
 * wrong row is listed with its line so the file can be fixed in one go.
 */
@ConsolePage
public class ImportPage {

    private final DeviceRegistry devices;

    public ImportPage(DeviceRegistry devices) {
        this.devices = devices;
    }

    @GetMapping("/devices/import")
    public String form() {
        return "import";
    }

    @PostMapping("/devices/import")
    public String upload(Actor actor, Model model, @RequestParam("file") MultipartFile file,
                         @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        model.addAttribute("dryRun", dryRun);
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", devices.importCsv(actor, in, dryRun));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (TooLargeException tooLarge) {
            model.addAttribute("tooLarge", tooLarge.getMessage());
        }
        return "import";
    }
}
