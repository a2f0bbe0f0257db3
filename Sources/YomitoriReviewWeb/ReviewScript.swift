/// `/assets/review.js`, served by the station: on the page view, Tab/Enter move through the
/// doubtful inputs, Enter in the last one or Ctrl+Enter approves, F9 goes to the reject reason
/// (where Enter rejects), and the zone of the focused field is highlighted on the scan; on the
/// queue, the first page's link has the focus (Enter opens it).
enum ReviewScript {
    static let page = """
        document.addEventListener('DOMContentLoaded', function () {
          var open = document.querySelector('a.open');
          if (open && !document.getElementById('page-form')) open.focus();
          var boxes = document.querySelectorAll('.zone-box[data-box]');
          for (var b = 0; b < boxes.length; b++) {
            var p = boxes[b].getAttribute('data-box').split(' ');
            boxes[b].style.left = p[0] + '%'; boxes[b].style.top = p[1] + '%';
            boxes[b].style.width = p[2] + '%'; boxes[b].style.height = p[3] + '%';
          }
          var form = document.getElementById('page-form');
          var reason = document.getElementById('reject-reason');
          if (!form) return;
          var inputs = Array.prototype.slice.call(form.querySelectorAll('input[name^="field."]'));
          function submit(f) { if (f.requestSubmit) f.requestSubmit(); else f.submit(); }
          function highlight(name) {
            var boxes = document.querySelectorAll('.zone-box');
            for (var i = 0; i < boxes.length; i++) boxes[i].classList.toggle('current', boxes[i].getAttribute('data-field') === name);
          }
          inputs.forEach(function (input, i) {
            input.addEventListener('focus', function () { highlight(input.name.slice(6)); input.select(); });
            input.addEventListener('keydown', function (e) {
              if (e.key === 'Enter' && !e.ctrlKey && !e.isComposing) {
                e.preventDefault();
                if (i + 1 < inputs.length) inputs[i + 1].focus(); else submit(form);
              }
            });
          });
          document.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submit(form); }
            else if (e.key === 'F9') { e.preventDefault(); reason.focus(); }
          });
          var first = null;
          for (var j = 0; j < inputs.length && !first; j++) {
            if (inputs[j].parentNode.querySelector('.field-error')) first = inputs[j];
          }
          first = first || inputs[0] || document.getElementById('approve');
          if (first) first.focus();
        });
        """
}
